package org.hostarea.notify.webhook.internal;

import java.time.Clock;

import org.hostarea.notifications.spi.NotificationChannel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the webhook channel on while the operator's configuration names receivers. The feature ships the
 * configuration with no URL: the plugin then installs cleanly, registers no channel, and webhook messages wait in
 * the outbox until URLs (and a secret) are set. A malformed URL or a short secret is an operator's error: the
 * component fails and its log line says why, and messages wait as well. A configuration change re-creates it.
 */
@Component(configurationPid = WebhookConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = WebhookConfiguration.class)
public class WebhookChannelSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannelSwitch.class);

    private final ServiceRegistration<NotificationChannel> registration;

    @Activate
    public WebhookChannelSwitch(BundleContext context, WebhookConfiguration config,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        if (config.urls() == null || config.urls().isBlank()) {
            LOG.info("The webhook channel is off: no URL in etc/{}.cfg; webhook messages wait in the outbox", WebhookConfiguration.PID);
            registration = null;
        } else {
            registration = context.registerService(NotificationChannel.class, new WebhookChannel(config, clock), null);
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
