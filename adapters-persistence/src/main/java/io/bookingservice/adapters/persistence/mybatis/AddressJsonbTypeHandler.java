package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.domain.booking.Address;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;
import org.postgresql.util.PGobject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jsonb} ↔ {@link Address}, in the Python service's shape:
 * {@code {"street", "city", "state", "country"}} with an absent state written as JSON
 * {@code null} (as pydantic did), so rows written here and legacy rows look the same.
 * The JSON is read field by field rather than bound to a class: a stored row is data we
 * keep, so unknown extra keys are ignored, while a missing required key fails loudly.
 */
final class AddressJsonbTypeHandler implements TypeHandler<Address> {

    private final JsonMapper json;

    AddressJsonbTypeHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void setParameter(PreparedStatement ps, int i, Address address, JdbcType jdbcType) throws SQLException {
        if (address == null) {
            ps.setNull(i, Types.OTHER);
            return;
        }
        PGobject jsonb = new PGobject();
        jsonb.setType("jsonb");
        jsonb.setValue(write(address));
        ps.setObject(i, jsonb);
    }

    @Override
    public Address getResult(ResultSet rs, String columnName) throws SQLException {
        return read(rs.getString(columnName));
    }

    @Override
    public Address getResult(ResultSet rs, int columnIndex) throws SQLException {
        return read(rs.getString(columnIndex));
    }

    @Override
    public Address getResult(CallableStatement cs, int columnIndex) throws SQLException {
        return read(cs.getString(columnIndex));
    }

    String write(Address address) {
        ObjectNode node = json.createObjectNode();
        node.put("street", address.street());
        node.put("city", address.city());
        node.put("state", address.state());
        node.put("country", address.country());
        return json.writeValueAsString(node);
    }

    Address read(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = json.readTree(text);
        return new Address(required(node, "street"), required(node, "city"), optional(node, "state"),
                required(node, "country"));
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new IllegalStateException("stored address has no '" + field + "': " + node);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
