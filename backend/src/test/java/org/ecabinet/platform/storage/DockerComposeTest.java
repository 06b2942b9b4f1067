package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so the compose file is checked by reading it: a
 * three-member replica set that is initiated, and a backend pointed at all of it.
 */
class DockerComposeTest {

    static final Path DOCKER = Path.of("..", "docker");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileRunsTheProductOnAThreeMemberReplicaSet() throws Exception {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(DOCKER.resolve("compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("mongo1", "mongo2", "mongo3", "mongo-init", "backend", "frontend");
        for (String member : List.of("mongo1", "mongo2", "mongo3")) {
            String start = String.join(" ", (List<String>) services.get(member).get("entrypoint"));
            assertThat(start).as("a replica set member with internal authentication").contains("--replSet rs0", "--keyFile");
            assertThat(services.get(member)).containsKey("healthcheck");
            assertThat((List<String>) services.get(member).get("secrets")).contains("mongo_keyfile");
        }
        assertThat(((Map<String, Object>) services.get("mongo1").get("environment")).get("MONGO_INITDB_ROOT_PASSWORD_FILE"))
                .isEqualTo("/run/secrets/mongo_root_password");
        String init = String.join(" ", (List<String>) services.get("mongo-init").get("entrypoint"));
        assertThat(init).contains("rs.initiate", "mongo1:27017", "mongo2:27017", "mongo3:27017", "createUser", "readWrite", "-u root");

        Map<String, Object> backend = services.get("backend");
        Map<String, Object> environment = (Map<String, Object>) backend.get("environment");
        String uri = (String) environment.get("CABINET_MONGODB_URI");
        assertThat(uri).startsWith("mongodb://mongo1:27017,mongo2:27017,mongo3:27017/").contains("replicaSet=rs0", "w=majority")
                .as("no password in the URI").doesNotContain("@");
        assertThat(environment).containsEntry("CABINET_MONGODB_USERNAME", "ecabinet")
                .containsEntry("CABINET_MONGODB_PASSWORD_FILE", "/run/secrets/cabinet_db_password")
                .containsEntry("CABINET_KEY_FILE", "/run/secrets/cabinet_master_key")
                .doesNotContainKeys("CABINET_DEMO", "SPRING_PROFILES_ACTIVE", "CABINET_MASTER_KEY", "CABINET_ADMIN_PASSWORD");
        assertThat((Map<String, Object>) compose.get("secrets")).containsKeys("mongo_keyfile", "mongo_root_password", "cabinet_db_password",
                "cabinet_master_key", "cabinet_proxy_key", "admin_password");
        assertThat((Map<String, Object>) backend.get("depends_on")).containsKey("mongo-init");
        assertThat(((Map<String, Object>) services.get("frontend").get("environment")).get("CABINET_BACKEND_URL"))
                .isEqualTo("http://backend:8081");

        for (String module : List.of("backend", "frontend")) {
            String dockerfile = (String) ((Map<String, Object>) services.get(module).get("build")).get("dockerfile");
            String content = Files.readString(DOCKER.resolve(Path.of(dockerfile).getFileName()));
            assertThat(content).contains("-pl " + module + " -am package", module + "-*-exec.jar", "USER ecabinet");
        }
    }
}
