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
 * three-member replica set that is initiated, two backend nodes pointed at all of it, and a health-checking
 * balancer in front of them that the frontend calls.
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
        assertThat(services).containsKeys("mongo1", "mongo2", "mongo3", "mongo-init", "backend1", "backend2", "balancer", "frontend");
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

        for (String node : List.of("backend1", "backend2")) {
            Map<String, Object> backend = services.get(node);
            Map<String, Object> environment = (Map<String, Object>) backend.get("environment");
            String uri = (String) environment.get("CABINET_MONGODB_URI");
            assertThat(uri).startsWith("mongodb://mongo1:27017,mongo2:27017,mongo3:27017/").contains("replicaSet=rs0", "w=majority")
                    .as("no password in the URI").doesNotContain("@");
            assertThat(environment).containsEntry("CABINET_MONGODB_USERNAME", "ecabinet")
                    .containsEntry("CABINET_MONGODB_PASSWORD_FILE", "/run/secrets/cabinet_db_password")
                    .containsEntry("CABINET_KEY_FILE", "/run/secrets/cabinet_master_key")
                    .containsEntry("CABINET_LEDGER_EXPORT_DIR", "/ledger-checkpoints")
                    .doesNotContainKeys("CABINET_DEMO", "SPRING_PROFILES_ACTIVE", "CABINET_MASTER_KEY", "CABINET_ADMIN_PASSWORD");
            assertThat((List<String>) backend.get("volumes")).as("one export directory both nodes reach").containsExactly("ledger-checkpoints:/ledger-checkpoints");
            assertThat((Map<String, Object>) backend.get("depends_on")).containsKey("mongo-init");
            assertThat(backend).as("reached through the balancer only").doesNotContainKey("ports");
        }
        assertThat((Map<String, Object>) compose.get("secrets")).containsKeys("mongo_keyfile", "mongo_root_password", "cabinet_db_password",
                "cabinet_master_key", "cabinet_proxy_key", "admin_password");
        Map<String, Object> balancer = services.get("balancer");
        assertThat((String) balancer.get("image")).as("an official image").startsWith("haproxy:");
        assertThat((List<String>) balancer.get("volumes")).contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        String haproxy = Files.readString(DOCKER.resolve("haproxy.cfg"));
        assertThat(haproxy).contains("option httpchk GET /actuator/health", "server backend1 backend1:8081 check", "server backend2 backend2:8081 check",
                "timeout server 1h");
        assertThat(((Map<String, Object>) services.get("frontend").get("environment")).get("CABINET_BACKEND_URL"))
                .isEqualTo("http://balancer:8081");

        for (String module : List.of("backend1", "frontend")) {
            String dockerfile = (String) ((Map<String, Object>) services.get(module).get("build")).get("dockerfile");
            String content = Files.readString(DOCKER.resolve(Path.of(dockerfile).getFileName()));
            String name = module.replaceAll("\\d", "");
            assertThat(content).contains("-pl " + name + " -am package", name + "-*-exec.jar", "USER ecabinet");
        }
    }
}
