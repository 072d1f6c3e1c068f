package dev.rankforge.service.djl;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps DJL from reaching the network: the engine otherwise checks for downloads and usage tracking at
 * start-up. Runs before any DJL class is used; explicit settings win.
 */
@ApplicationScoped
public class DjlOffline {
    void onStart(@Observes StartupEvent event) {
        apply();
    }

    /** Sets the offline defaults unless already configured. */
    public static void apply() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }
}
