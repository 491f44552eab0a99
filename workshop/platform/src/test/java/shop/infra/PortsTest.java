package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void aPortIsHandedOutOncePerJvm() {
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(picked.add(Ports.pickFree())).as("pick %d gave a port handed out before", i).isTrue();
        }
    }
}
