package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.booking.Address;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AddressJsonbTypeHandlerTest {

    private final AddressJsonbTypeHandler handler = new AddressJsonbTypeHandler(JsonMapper.builder().build());

    @Test
    void writesThePythonServicesShapeWithAnExplicitNullState() {
        String json = handler.write(new Address("10 Downing Street", "London", null, "United Kingdom"));

        assertThat(json).isEqualTo(
                "{\"street\":\"10 Downing Street\",\"city\":\"London\",\"state\":null,\"country\":\"United Kingdom\"}");
    }

    @Test
    void readsALegacyValueWithANullState() {
        Address address = handler.read(
                "{\"street\": \"1-1 Chiyoda\", \"city\": \"Tokyo\", \"state\": null, \"country\": \"Japan\"}");

        assertThat(address).isEqualTo(new Address("1-1 Chiyoda", "Tokyo", null, "Japan"));
    }

    @Test
    void roundTripsCharactersThatNeedEscaping() {
        Address address = new Address("Rua \"Augusta\" 100\n2º", "Lisboa", "Lisboa", "Côte d'Ivoire");

        assertThat(handler.read(handler.write(address))).isEqualTo(address);
    }

    @Test
    void ignoresKeysItDoesNotKnowAndTreatsAMissingStateAsAbsent() {
        assertThat(handler.read("{\"street\":\"s\",\"city\":\"c\",\"country\":\"Japan\",\"zip\":\"100\"}"))
                .isEqualTo(new Address("s", "c", null, "Japan"));
    }

    @Test
    void refusesAStoredAddressWithoutACity() {
        assertThatThrownBy(() -> handler.read("{\"street\":\"s\",\"country\":\"Japan\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'city'");
    }

    @Test
    void skipsUnknownKeysWhateverTheirValueAndReadsScalarsAsText() {
        assertThat(handler.read("{\"extra\":{\"a\":[1,{\"street\":\"no\"}]},\"street\":12,\"city\":\"c\","
                + "\"list\":[\"city\"],\"country\":\"Japan\",\"state\":true}"))
                .isEqualTo(new Address("12", "c", "true", "Japan"));
    }

    @Test
    void refusesAStoredValueThatIsNotAnObjectOrHasANullRequiredKey() {
        assertThatThrownBy(() -> handler.read("[\"s\", \"c\"]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> handler.read("{\"street\":\"s\",\"city\":\"c\",\"country\":null}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'country'");
    }
}
