package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.reflection.ReflectionException;
import org.junit.jupiter.api.Test;

class RowFactoryTest {

    /** Package-private, as the rows are. */
    record Row(long id, String name) {
        Row {
            if (id < 0) {
                throw new IllegalArgumentException("negative id");
            }
        }
    }

    private final RowFactory factory = new RowFactory();

    @Test
    void buildsANonPublicRecordRowAfterRow() {
        for (int i = 0; i < 3; i++) {
            Row row = factory.create(Row.class, List.of(long.class, String.class), List.of(7L + i, "seven"));

            assertThat(row).isEqualTo(new Row(7L + i, "seven"));
        }
    }

    @Test
    void leavesCollectionsAndNoArgumentConstructionToMyBatis() {
        Object made = factory.create(List.class);

        assertThat(made).isInstanceOf(ArrayList.class);
    }

    @Test
    void aConstructorThatThrowsOrDoesNotExistIsAMyBatisReflectionException() {
        assertThatThrownBy(() -> factory.create(Row.class, List.of(long.class, String.class), List.of(-1L, "x")))
                .isInstanceOf(ReflectionException.class).hasMessageContaining("negative id");
        assertThatThrownBy(() -> factory.create(Row.class, List.of(String.class), List.of("x")))
                .isInstanceOf(ReflectionException.class).hasMessageContaining("no constructor");
    }
}
