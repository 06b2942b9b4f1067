package org.ecabinet.ballot;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.ecabinet.ballot.BallotConfiguration.BallotProperties;
import org.ecabinet.events.ballot.BallotIssued;
import org.ecabinet.events.ballot.BallotReminderDue;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails members about a new ballot and reminds those who have not answered. Without an SMTP server
 * configured ({@code spring.mail.host}) it only logs. A failed delivery stops the processor, which retries
 * the event (so a member may, rarely, get the same e-mail twice; never none).
 */
@Component
@ProcessingGroup(BallotNotifications.PROCESSING_GROUP)
class BallotNotifications {

    static final String PROCESSING_GROUP = "ballot-notifications";
    private static final Logger log = LoggerFactory.getLogger(BallotNotifications.class);

    private final Users users;
    private final ObjectProvider<JavaMailSender> mail;
    private final BallotProperties properties;

    BallotNotifications(Users users, ObjectProvider<JavaMailSender> mail, BallotProperties properties) {
        this.users = users;
        this.mail = mail;
        this.properties = properties;
    }

    @EventHandler
    @DisallowReplay
    void on(BallotIssued event) {
        send(event.eligibleMembers(), "[e-Cabinet] Phiếu lấy ý kiến mới: " + event.subject(),
                "Kính gửi đồng chí,\n\nVăn phòng Chính phủ xin ý kiến về: " + event.subject()
                        + "\nHạn trả lời: " + event.deadline() + "\n\n" + link(event.ballotId()));
    }

    @EventHandler
    @DisallowReplay
    void on(BallotReminderDue event) {
        send(event.pendingMembers(), "[e-Cabinet] Nhắc trả lời phiếu lấy ý kiến",
                "Kính gửi đồng chí,\n\nĐồng chí chưa trả lời phiếu lấy ý kiến. Hạn trả lời còn " + event.reminder()
                        .replace("PT", "").toLowerCase() + ".\n\n" + link(event.ballotId()));
    }

    private String link(String ballotId) {
        return properties.frontendUrl() + "/ballot/" + ballotId;
    }

    private void send(List<String> memberIds, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        for (String memberId : memberIds) {
            String address = users.find(memberId).map(CabinetUser::email).orElse(null);
            if (address == null) {
                continue;
            }
            if (sender == null) {
                log.info("Mail (no SMTP server configured) to {}: {}", address, subject);
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.mailFrom());
            message.setTo(address);
            message.setSubject(subject);
            message.setText(text);
            sender.send(message);
        }
    }
}
