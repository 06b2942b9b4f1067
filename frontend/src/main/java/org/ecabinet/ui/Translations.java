package org.ecabinet.ui;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Vietnamese by default, English on request; every string lives in {@code vaadin-i18n/translations*.properties}. */
@Configuration(proxyBeanMethods = false)
public class Translations {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Bean
    I18NProvider i18nProvider() {
        return new DefaultI18NProvider(List.of(VIETNAMESE, ENGLISH));
    }

    @Bean
    VaadinServiceInitListener vietnameseByDefault() {
        return (ServiceInitEvent event) -> event.getSource()
                .addSessionInitListener(init -> init.getSession().setLocale(VIETNAMESE));
    }
}
