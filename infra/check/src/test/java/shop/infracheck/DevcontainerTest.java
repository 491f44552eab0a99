package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * .devcontainer/devcontainer.json (GitHub Codespaces, VS Code), checked statically: a JDK 17, Docker in Docker
 * with Compose v2 for infra/, the UIs' ports forwarded, prometheus installed for infra/check. Plain JSON, no
 * comments, so any parser reads it; it was also validated against devContainer.base.schema.json (devcontainers/spec).
 */
class DevcontainerTest {
    private final JsonNode config = Infra.json(Infra.dir().resolve("../.devcontainer/devcontainer.json").normalize());

    @Test
    void aJdk17ImageWithDockerInDockerAndComposeV2() {
        assertThat(config.path("image").asText()).matches("mcr\\.microsoft\\.com/devcontainers/java:\\d+-17-bookworm");
        JsonNode docker = config.path("features").path("ghcr.io/devcontainers/features/docker-in-docker:2");
        assertThat(docker.isObject()).as("the docker-in-docker feature").isTrue();
        assertThat(docker.path("dockerDashComposeVersion").asText()).isEqualTo("v2");
    }

    @Test
    void theShopAndEveryUiOfTheStackAreForwarded() {
        List<Integer> ports = new ArrayList<>();
        config.path("forwardPorts").forEach(port -> ports.add(port.asInt()));
        assertThat(ports).contains(7070, 3000, 9090, 8233, 8080);
        ports.forEach(port -> assertThat(config.path("portsAttributes").path(port.toString()).path("label").asText())
                .as("label of port " + port).isNotBlank());
    }

    @Test
    void creatingItInstallsPrometheusWithoutItsServiceAndBuildsTheShop() {
        assertThat(config.path("onCreateCommand").asText())
                .contains("apt-get install").contains("prometheus").contains("service prometheus stop")
                .contains("./mvnw -q -B install -DskipTests -pl workshop/app -am");
    }
}
