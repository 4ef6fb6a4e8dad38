package nl.stuurwiel.email;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A mail about a task to the people who have it: its assignee, or else its candidate users and
 * the members of its candidate groups, plus any groups named. It holds the task's name, the
 * opdracht's key and a link to the task, nothing of the opdracht itself: mail leaves the
 * municipality's systems, and confidential opdrachten stay in Stuurwiel.
 *
 * <p>It goes out after the transaction commits, so a step that fails and is retried sends nothing
 * twice, and a mail server that is down costs a warning in the log, never the step: the task in
 * Tasklist stays the reminder that counts. Without a mail server ({@code spring.mail.host}) nothing
 * is sent.
 */
@Component
public class Taakmail {

    private static final Logger LOG = LoggerFactory.getLogger(Taakmail.class);

    private final ObjectProvider<JavaMailSender> mailserver;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final String afzender;
    private final String adres;

    public Taakmail(ObjectProvider<JavaMailSender> mailserver, IdentityService identityService, TaskService taskService,
            @Value("${stuurwiel.mail.afzender}") String afzender, @Value("${stuurwiel.mail.adres}") String adres) {
        this.mailserver = mailserver;
        this.identityService = identityService;
        this.taskService = taskService;
        this.afzender = afzender;
        this.adres = adres.endsWith("/") ? adres.substring(0, adres.length() - 1) : adres;
    }

    public void stuur(Task taak, String onderwerp, String tekst, String... ookAanGroepen) {
        if (mailserver.getIfAvailable() != null) {
            stuur(taak.getId(), taak.getName(), taak.getAssignee(), taskService.getIdentityLinksForTask(taak.getId()),
                    onderwerp, tekst, ookAanGroepen);
        }
    }

    /**
     * The same for a task still being created, whose candidates are not in the database yet (a
     * task listener on {@code create}).
     */
    public void stuur(String taakId, String taakNaam, String toegewezene, Collection<IdentityLink> kandidaten,
            String onderwerp, String tekst, String... ookAanGroepen) {
        JavaMailSender server = mailserver.getIfAvailable();
        if (server == null) {
            return;
        }
        // The addresses are the system's to look up, whoever's step made or reminded the task.
        CommandContext engine = Context.getCommandContext();
        List<String> aan = engine == null ? adressen(toegewezene, kandidaten, List.of(ookAanGroepen))
                : engine.runWithoutAuthorization(() -> adressen(toegewezene, kandidaten, List.of(ookAanGroepen)));
        if (aan.isEmpty()) {
            LOG.info("Geen e-mail over taak {} ({}): niemand met een e-mailadres", taakId, taakNaam);
            return;
        }
        SimpleMailMessage bericht = new SimpleMailMessage();
        bericht.setFrom(afzender);
        bericht.setBcc(aan.toArray(String[]::new)); // recipients do not see each other's addresses
        bericht.setSubject("Stuurwiel: " + onderwerp);
        bericht.setText(tekst + "\n\nTaak: " + taakNaam + "\nOpenen in Tasklist: " + adres
                + "/camunda/app/tasklist/default/#/?task=" + taakId
                + "\n\nDit bericht is automatisch verstuurd door Stuurwiel.");
        Runnable versturen = () -> {
            try {
                server.send(bericht);
            } catch (MailException fout) {
                LOG.warn("E-mail over taak {} ({}) aan {} ontvanger(s) niet verstuurd: {}", taakId, taakNaam,
                        aan.size(), fout.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    versturen.run();
                }
            });
        } else {
            versturen.run();
        }
    }

    private List<String> adressen(String toegewezene, Collection<IdentityLink> kandidaten, Collection<String> ookAanGroepen) {
        Set<String> gebruikers = new LinkedHashSet<>();
        Set<String> groepen = new LinkedHashSet<>(ookAanGroepen);
        if (toegewezene != null) {
            gebruikers.add(toegewezene);
        } else {
            for (IdentityLink link : kandidaten) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (link.getUserId() != null) {
                        gebruikers.add(link.getUserId());
                    } else if (link.getGroupId() != null) {
                        groepen.add(link.getGroupId());
                    }
                }
            }
        }
        for (String groep : groepen) {
            identityService.createUserQuery().memberOfGroup(groep).list().forEach(u -> gebruikers.add(u.getId()));
        }
        Set<String> adressen = new LinkedHashSet<>();
        for (String gebruiker : gebruikers) {
            User profiel = identityService.createUserQuery().userId(gebruiker).singleResult();
            if (profiel != null && profiel.getEmail() != null && !profiel.getEmail().isBlank()) {
                adressen.add(profiel.getEmail().strip());
            }
        }
        return List.copyOf(adressen);
    }
}
