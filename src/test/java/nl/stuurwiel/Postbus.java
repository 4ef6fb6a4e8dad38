package nl.stuurwiel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) for the test suite's one application context: the application
 * sends its mails to it as to a municipality's mail server, and tests read what arrived.
 */
public final class Postbus implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final GreenMail SERVER = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    /** A mail as one recipient received it; {@code zichtbareOntvangers} are the To and Cc headers. */
    public record Bericht(String id, String onderwerp, String tekst, List<String> zichtbareOntvangers) {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if ("uit".equals(System.getProperty("stuurwiel.test.postbus"))) {
            return; // the benchmarks measure Stuurwiel as it runs by default, without a mail server
        }
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + SERVER.getSmtp().getPort())
                .applyTo(context);
    }

    /** Every mail delivered to this address so far (To, Cc or Bcc), oldest first. */
    public static List<Bericht> aan(String adres) {
        GreenMailUser gebruiker = SERVER.getUserManager().getUserByEmail(adres);
        if (gebruiker == null) {
            return List.of();
        }
        try {
            return SERVER.getManagers().getImapHostManager().getInbox(gebruiker).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).map(Postbus::bericht).toList();
        } catch (FolderException fout) {
            throw new IllegalStateException(fout);
        }
    }

    private static Bericht bericht(MimeMessage bericht) {
        try {
            List<String> zichtbaar = new ArrayList<>();
            for (Message.RecipientType soort : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] adressen = bericht.getRecipients(soort);
                if (adressen != null) {
                    Arrays.stream(adressen).map(a -> ((InternetAddress) a).getAddress()).forEach(zichtbaar::add);
                }
            }
            // getContent decodes the transfer encoding (quoted-printable for text with accents)
            return new Bericht(bericht.getMessageID(), bericht.getSubject(),
                    bericht.getContent().toString().replace("\r\n", "\n"), zichtbaar);
        } catch (MessagingException | java.io.IOException fout) {
            throw new IllegalStateException(fout);
        }
    }
}
