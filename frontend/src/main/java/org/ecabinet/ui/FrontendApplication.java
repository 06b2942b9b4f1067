package org.ecabinet.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;

/** The e-Cabinet UI. It holds no data of its own: everything comes from the backend's HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@PWA(name = "e-Cabinet", shortName = "e-Cabinet")
public class FrontendApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(FrontendApplication.class, args);
    }
}
