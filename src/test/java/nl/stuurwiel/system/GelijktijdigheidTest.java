package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.ws.rs.core.Response;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * Many clients on the same opdracht at the same moment, over real HTTP: one task completed by
 * several clients, goal links replaced at once, measurements of one period entered at once. No
 * answer is a 5xx, a conflict is a 409 with a message, and what is stored is exactly what one
 * of the clients sent: no lost update, no duplicate.
 */
@StuurwielTest
class GelijktijdigheidTest {

    private static final String WACHTWOORD = "Gelijk-Tijdig-Wachtwoord-1";
    private static final int CLIENTS = 6;

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactie;

    private final HttpClient http = HttpClient.newHttpClient();
    private ExecutorService clients;
    String gebruiker;
    String sleutel;
    Doel doel;
    Doel tweede;

    @BeforeEach
    void opdrachtInIntake() {
        clients = Executors.newFixedThreadPool(CLIENTS);
        gebruiker = portfolio.gebruiker("gelijk" + System.nanoTime(), WACHTWOORD, Rollen.INTAKE, Rollen.MT,
                Rollen.BEHEERDER);
        Team team = portfolio.team("5");
        doel = portfolio.doel();
        tweede = portfolio.doel();
        sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(team, doel), gebruiker).getSleutel();
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    @Test
    void oneTaskCompletedByManyClientsAtOnceMovesTheProcessOnce() throws Exception {
        Task intake = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
        assertThat(intake.getTaskDefinitionKey()).isEqualTo(Element.BEOORDEEL_INTAKE);

        List<HttpResponse<String>> antwoorden = tegelijk(i -> verzoek("POST",
                "/engine-rest/task/" + intake.getId() + "/complete", """
                        {"variables": {"intakeBesluit": {"value": "accepteren"}, "urgentie": {"value": "hoog"},
                         "risico": {"value": "laag"}, "intakeToelichting": {"value": "Compleet, client %d"}}}
                        """.formatted(i)));

        assertThat(antwoorden).extracting(HttpResponse::statusCode).as(beschrijf(antwoorden))
                .allSatisfy(s -> assertThat(s).isIn(204, 400, 404, 409))
                .filteredOn(s -> s == 204).hasSize(1);
        assertThat(antwoorden).filteredOn(a -> a.statusCode() == 409)
                .allSatisfy(a -> assertThat(a.body()).contains("\"type\":\"Conflict\"").containsAnyOf(
                        "tegelijk gewijzigd", "door iemand anders afgerond"));
        List<Task> daarna = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).list();
        assertThat(daarna).extracting(Task::getTaskDefinitionKey).containsExactly(Element.MT_BESLUIT);
        assertThat(portfolio.opdracht(sleutel).getFase()).isEqualTo(Fase.PRIORITERING);
        assertThat(jdbc.queryForObject("""
                select count(*) from act_hi_actinst a join act_hi_procinst p on a.proc_inst_id_ = p.id_
                where p.business_key_ = ? and a.act_id_ = ?""", Long.class, sleutel, Element.MT_BESLUIT))
                .as("the MT step was entered once").isOne();
    }

    @Test
    void intakesAcceptedAndOpdrachtenStartedAtOnceAllSucceedAndTheQueueIsRankedOnce() throws Exception {
        // Every acceptance re-ranks the whole waiting queue, including the opdrachten MT is
        // starting at that moment: half the clients accept an intake, half start a waiting one.
        Team team = portfolio.team("50");
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String nieuw = opdrachtService.aanvragen(portfolio.volledigeAanvraag(team, doel), gebruiker).getSleutel();
            Task intake = taskService.createTaskQuery().processInstanceBusinessKey(nieuw).singleResult();
            if (i % 2 == 1) {
                taskService.complete(intake.getId(), Map.of(Var.INTAKE_BESLUIT, "accepteren", Var.URGENTIE, "hoog",
                        Var.RISICO, "laag"));
                intake = taskService.createTaskQuery().processInstanceBusinessKey(nieuw).singleResult();
                assertThat(intake.getTaskDefinitionKey()).isEqualTo(Element.MT_BESLUIT);
            }
            taken.add(intake.getId());
        }

        List<HttpResponse<String>> antwoorden = tegelijk(i -> verzoek("POST",
                "/engine-rest/task/" + taken.get(i) + "/complete", i % 2 == 0 ? """
                        {"variables": {"intakeBesluit": {"value": "accepteren"}, "urgentie": {"value": "midden"},
                         "risico": {"value": "laag"}}}""" : """
                        {"variables": {"mtBesluit": {"value": "starten"}}}"""));

        assertThat(antwoorden).extracting(HttpResponse::statusCode).as(beschrijf(antwoorden)).containsOnly(204);
        List<Integer> rangen = jdbc.queryForList("""
                select prioriteit_rang from opdracht where fase in ('PRIORITERING', 'GEPARKEERD')
                and prioriteit_score is not null""", Integer.class);
        assertThat(rangen).as("the last ranking saw every change before it: ranks 1..n, none twice")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, rangen.size()).boxed().toList());
    }

    @Test
    void aReRankingDoesNotMakeAConcurrentChangeOfAWaitingOpdrachtFail() throws Exception {
        // Deterministic form of the race above: while one transaction holds a waiting opdracht,
        // another accepts an intake with a higher score, which moves that opdracht down the queue.
        Task wachtend = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
        taskService.complete(wachtend.getId(), Map.of(Var.INTAKE_BESLUIT, "accepteren", Var.URGENTIE, "laag",
                Var.RISICO, "laag"));
        String hoger = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("50"), doel), gebruiker)
                .getSleutel();
        Task intake = taskService.createTaskQuery().processInstanceBusinessKey(hoger).singleResult();

        transactie.executeWithoutResult(status -> {
            Opdracht opdracht = opdrachtService.voorWijziging(sleutel);
            CompletableFuture.runAsync(() -> taskService.complete(intake.getId(), Map.of(Var.INTAKE_BESLUIT,
                    "accepteren", Var.URGENTIE, "hoog", Var.RISICO, "hoog")), clients).join();
            opdracht.setTitel(opdracht.getTitel() + " (bijgewerkt)");
        });

        Opdracht daarna = portfolio.opdracht(sleutel);
        assertThat(portfolio.wachtrij().indexOf(hoger)).as("ranked above").isLessThan(portfolio.wachtrij().indexOf(sleutel));
        assertThat(daarna.getTitel()).endsWith("(bijgewerkt)");
        assertThat(daarna.getPrioriteitRang()).as("the rank the re-ranking gave, not the one read before")
                .isEqualTo(portfolio.wachtrij().indexOf(sleutel) + 1);
    }

    @Test
    void aCompletionThatFailedBecauseAnotherClientFinishedTheTaskIsAConflict() {
        Task intake = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
        String fout = ": Unknown property used in expression: ${mtBesluit == 'starten'}";

        assertThat(OngeldigeInvoerMapper.alsAlAfgerond(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                "Cannot complete task " + intake.getId() + fout))).as("task still there: a real error").isEmpty();
        assertThat(OngeldigeInvoerMapper.alsAlAfgerond(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                "Cannot complete task al-afgerond-123" + fout))).get()
                .satisfies(antwoord -> assertThat(antwoord.getStatus()).isEqualTo(409));
        assertThat(OngeldigeInvoerMapper.alsAlAfgerond(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                "Cannot find process definition"))).isEmpty();
    }

    @Test
    void goalLinksReplacedAtOnceEndAsOneClientSentThem() throws Exception {
        List<HttpResponse<String>> antwoorden = tegelijk(i -> verzoek("PUT", "/api/opdrachten/" + sleutel + "/doelen",
                """
                        [{"doel": "%s", "bijdrage": "client %d", "gewicht": %d},
                         {"doel": "%s", "bijdrage": "client %d", "gewicht": %d}]
                        """.formatted(doel.getCode(), i, 10 + i, tweede.getCode(), i, 90 - i)));

        assertThat(antwoorden).extracting(HttpResponse::statusCode).as(beschrijf(antwoorden))
                .allSatisfy(s -> assertThat(s).isIn(200, 409)).contains(200);
        List<String> bijdragen = jdbc.queryForList(
                "select k.bijdrage || '/' || k.gewicht from opdracht_doel k join opdracht o on o.id = k.opdracht_id "
                        + "where o.sleutel = ? order by k.gewicht", String.class, sleutel);
        assertThat(bijdragen).hasSize(2);
        String client = bijdragen.get(0).substring("client ".length(), bijdragen.get(0).indexOf('/'));
        int i = Integer.parseInt(client);
        assertThat(bijdragen).as("both links from the same client").containsExactly("client " + i + "/" + (10 + i),
                "client " + i + "/" + (90 - i));
    }

    @Test
    void measurementsOfOnePeriodEnteredAtOnceGetOneVersionEach() throws Exception {
        Long indicator = jdbc.queryForObject("select max(id) from indicator where doel_id = ?", Long.class,
                doel.getId());
        List<HttpResponse<String>> antwoorden = tegelijk(i -> verzoek("POST",
                "/api/indicatoren/" + indicator + "/metingen", """
                        {"periode": "2026-04-01", "waarde": %d, "toelichting": "Telling van client %d"}
                        """.formatted(100 + i, i)));

        assertThat(antwoorden).extracting(HttpResponse::statusCode).as(beschrijf(antwoorden))
                .allSatisfy(s -> assertThat(s).isIn(201, 409));
        long opgeslagen = antwoorden.stream().filter(a -> a.statusCode() == 201).count();
        assertThat(opgeslagen).isPositive();
        List<Integer> versies = jdbc.queryForList(
                "select versie from meting where indicator_id = ? and periode = ? order by versie", Integer.class,
                indicator, java.sql.Date.valueOf("2026-04-01"));
        List<Integer> verwacht = new ArrayList<>();
        for (int v = 1; v <= opgeslagen; v++) {
            verwacht.add(v);
        }
        assertThat(versies).as("one version per stored meting, none twice, none lost").isEqualTo(verwacht);
    }

    private HttpRequest verzoek(String methode, String pad, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((gebruiker + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(methode, BodyPublishers.ofString(json)).build();
    }

    /** Sends one request per client, all released at the same moment. */
    private List<HttpResponse<String>> tegelijk(IntFunction<HttpRequest> verzoek) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> lopend = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            HttpRequest dit = verzoek.apply(i);
            Callable<HttpResponse<String>> client = () -> {
                start.await();
                return http.send(dit, BodyHandlers.ofString());
            };
            lopend.add(clients.submit(client));
        }
        start.countDown();
        List<HttpResponse<String>> antwoorden = new ArrayList<>();
        for (Future<HttpResponse<String>> f : lopend) {
            antwoorden.add(f.get());
        }
        return antwoorden;
    }

    private static String beschrijf(List<HttpResponse<String>> antwoorden) {
        return antwoorden.stream().map(a -> a.statusCode() + " " + a.body()).reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
