package dev.rankforge.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Black-box API clients are a typed map: an operator names them by environment variable (as a Kubernetes Secret
 * would be mounted) or by property, and each client's key, budget and rate arrive typed.
 */
class ApiClientSettingsTest {
    @Test
    void clientsComeFromEnvironmentVariablesAndPropertiesAlike() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(TrainerConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("quarkus.http.port", "8082",
                        "rankforge.trainer.api-clients.lab.key", "lab-key",
                        "rankforge.trainer.api-clients.lab.budget", "10",
                        "rankforge.trainer.api-clients.lab.rate", "2.5"), "test", 100))
                .withSources(new EnvConfigSource(Map.of("RANKFORGE_TRAINER_API_CLIENTS_PARTNER_KEY", "partner-key",
                        "RANKFORGE_TRAINER_API_CLIENTS_PARTNER_BUDGET", "1000000",
                        "RANKFORGE_TRAINER_API_CLIENTS_PARTNER_RATE", "50"), 300))
                .build();
        Map<String, TrainerConfig.ApiClientSettings> clients = config.getConfigMapping(TrainerConfig.class).apiClients();
        assertThat(clients).containsOnlyKeys("lab", "partner");
        assertThat(clients.get("partner").key()).isEqualTo("partner-key");
        assertThat(clients.get("partner").budget()).isEqualTo(1_000_000L);
        assertThat(clients.get("partner").rate()).isEqualTo(50.0);
        assertThat(clients.get("lab").rate()).isEqualTo(2.5);
    }

    @Test
    void noClientsLeaveTheApiOpen() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TrainerConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("quarkus.http.port", "8082"), "test", 100)).build();
        assertThat(config.getConfigMapping(TrainerConfig.class).apiClients()).isEmpty();
    }
}
