package nl.stuurwiel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.Postbus;
import nl.stuurwiel.StuurwielTest;

/** Mails about a task reach the people who have it, through a real SMTP server, and only after commit. */
@StuurwielTest
class TaakmailTest {

    @Autowired
    Taakmail taakmail;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    TransactionTemplate transactie;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    String id;
    String groep;
    Task taak;

    @BeforeEach
    void groepMetDrieLeden() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        groep = "mailgroep" + id;
        Group nieuw = identityService.newGroup(groep);
        identityService.saveGroup(nieuw);
        gebruiker("anna" + id, "anna" + id + "@gemeente.example");
        gebruiker("bert" + id, "bert" + id + "@gemeente.example");
        gebruiker("zonder" + id, null);
        taak = taskService.newTask();
        taak.setName("Meting invoeren");
        taskService.saveTask(taak);
        taskService.addCandidateGroup(taak.getId(), groep);
    }

    @AfterEach
    void ruimOp() {
        taskService.deleteTask(taak.getId(), true);
    }

    private void gebruiker(String gebruiker, String email) {
        User nieuw = identityService.newUser(gebruiker);
        nieuw.setEmail(email);
        identityService.saveUser(nieuw);
        identityService.createMembership(gebruiker, groep);
    }

    @Test
    void theCandidateGroupsMembersWithAnAddressGetOneMailAfterCommit() {
        transactie.executeWithoutResult(t -> {
            taakmail.stuur(taak, "herinnering", "De meting staat nog open.");
            assertThat(Postbus.aan("anna" + id + "@gemeente.example")).as("not before the commit").isEmpty();
        });

        Postbus.Bericht anna = Postbus.aan("anna" + id + "@gemeente.example").get(0);
        assertThat(Postbus.aan("anna" + id + "@gemeente.example")).hasSize(1);
        assertThat(anna.onderwerp()).isEqualTo("Stuurwiel: herinnering");
        assertThat(anna.tekst()).startsWith("De meting staat nog open.").contains("Taak: Meting invoeren",
                "/camunda/app/tasklist/default/#/?task=" + taak.getId());
        assertThat(anna.zichtbareOntvangers()).as("in BCC: members do not see each other's addresses").isEmpty();
        assertThat(Postbus.aan("bert" + id + "@gemeente.example")).extracting(Postbus.Bericht::id)
                .as("one mail to both").containsExactly(anna.id());
    }

    @Test
    void anAssignedTaskMailsTheAssigneeAndTheGroupsNamed() {
        taskService.setAssignee(taak.getId(), "bert" + id);
        Task toegewezen = taskService.createTaskQuery().taskId(taak.getId()).singleResult();
        String mt = "mailmt" + id;
        identityService.saveGroup(identityService.newGroup(mt));
        User manager = identityService.newUser("mia" + id);
        manager.setEmail("mia" + id + "@gemeente.example");
        identityService.saveUser(manager);
        identityService.createMembership("mia" + id, mt);

        taakmail.stuur(toegewezen, "meting te laat", "Te laat.", mt);

        assertThat(Postbus.aan("bert" + id + "@gemeente.example")).hasSize(1);
        assertThat(Postbus.aan("mia" + id + "@gemeente.example")).extracting(Postbus.Bericht::id)
                .containsExactly(Postbus.aan("bert" + id + "@gemeente.example").get(0).id());
        assertThat(Postbus.aan("anna" + id + "@gemeente.example")).as("the rest of the group: the task is Bert's")
                .isEmpty();
    }

    @Test
    void theAddressesAreFoundEvenWhenTheUserWhoseStepMadeTheTaskMayNotReadOtherUsers() {
        String buitenstaander = "buiten" + id;
        identityService.saveUser(identityService.newUser(buitenstaander));
        var kandidaten = taskService.getIdentityLinksForTask(taak.getId());
        identityService.setAuthentication(buitenstaander, List.of());
        try {
            assertThat(identityService.createUserQuery().userId("anna" + id).count())
                    .as("the engine checks authorizations, and this user may not read Anna's profile").isZero();
            // As a task listener runs: inside the engine command of that user's step.
            engine.getCommandExecutorTxRequired().execute(context -> {
                taakmail.stuur(taak.getId(), taak.getName(), null, kandidaten, "nieuwe taak", "Er is een taak voor u.");
                return null;
            });
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(Postbus.aan("anna" + id + "@gemeente.example")).extracting(Postbus.Bericht::onderwerp)
                .containsExactly("Stuurwiel: nieuwe taak");
        assertThat(Postbus.aan("bert" + id + "@gemeente.example")).hasSize(1);
    }

    @Test
    void aStepThatRollsBackSendsNothing() {
        transactie.executeWithoutResult(t -> {
            taakmail.stuur(taak, "herinnering", "De meting staat nog open.");
            t.setRollbackOnly();
        });
        assertThat(Postbus.aan("anna" + id + "@gemeente.example")).isEmpty();
    }

    @Test
    void aMailServerThatIsDownCostsAWarningNotTheStep() {
        JavaMailSenderImpl dicht = new JavaMailSenderImpl();
        dicht.setHost("127.0.0.1");
        dicht.setPort(1); // nothing listens there
        Taakmail zonderServer = new Taakmail(new StaticListableBeanFactory(Map.of("mail", dicht))
                .getBeanProvider(JavaMailSender.class), identityService, taskService, "stuurwiel@gemeente.example",
                "https://stuurwiel.gemeente.example/");

        assertThatCode(() -> zonderServer.stuur(taak, "herinnering", "De meting staat nog open."))
                .doesNotThrowAnyException();
    }
}
