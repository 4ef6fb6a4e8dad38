package nl.stuurwiel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * Benchmark 4 (run by bench/run): the portfolio endpoints the dashboard and API clients call,
 * over HTTP as an MT member (sees every opdracht), at 10,000 opdrachten and 100,000 metingen,
 * against the same calls at 100 opdrachten and 1,000 metingen in the same run. The data is
 * written with JDBC batches; there are no process instances behind these opdrachten.
 */
@StuurwielTest
class PortfolioApiBench {

    private static final int METINGEN_PER_INDICATOR = 100;
    private static final int TEAMS = 20;
    private static final int DOELEN = 20;
    private static final Fase[] FASEN = {Fase.UITVOERING, Fase.UITVOERING, Fase.UITVOERING, Fase.REVIEW,
        Fase.INTAKE, Fase.PRIORITERING, Fase.GEPARKEERD, Fase.AFGEROND, Fase.AFGEROND, Fase.GESTOPT};

    @LocalServerPort
    int poort;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PortfolioFixture portfolio;
    @Value("${spring.datasource.url}")
    String databank;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final Random toeval = new Random(42);
    private String inloggen;

    @Test
    void portfolioEndpointsAtTenThousandOpdrachten() {
        int basis = Uitvoer.omvang("bench.opdrachten.basis", 100);
        int opdrachten = Uitvoer.omvang("bench.portfolio", 10_000);
        int metingenBasis = Uitvoer.omvang("bench.metingen.basis", 1_000);
        int metingen = Uitvoer.omvang("bench.metingen", 100_000);
        int keren = Integer.getInteger("bench.keren", 200);
        Uitvoer uitvoer = new Uitvoer("portfolio", databank).zet("opdrachten_basis", basis)
                .zet("opdrachten", opdrachten).zet("metingen_basis", metingenBasis).zet("metingen", metingen);

        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < TEAMS; i++) {
            teams.add(portfolio.team("25.0"));
        }
        List<Long> doelIds = new ArrayList<>();
        List<String> doelCodes = new ArrayList<>();
        for (int i = 0; i < DOELEN; i++) {
            Doel doel = portfolio.doel();
            doelIds.add(doel.getId());
            doelCodes.add(doel.getCode());
        }
        String mt = portfolio.gebruiker("benchmt", "Bench-Wachtwoord-1!", Rollen.MT);
        inloggen = "Basic " + Base64.getEncoder().encodeToString((mt + ":Bench-Wachtwoord-1!")
                .getBytes(StandardCharsets.UTF_8));

        BulkData data = new BulkData(jdbc);
        IntFunction<Fase> fase = i -> FASEN[i % FASEN.length];
        data.opdrachten("PF", 0, basis, teams, fase);
        data.koppel("PF", doelIds);
        List<Long> indicatoren = data.indicatoren(doelIds, Math.max(1, metingenBasis / METINGEN_PER_INDICATOR),
                METINGEN_PER_INDICATOR);
        data.analyseer();
        meetAlles(uitvoer, "basis", keren, basis, indicatoren, teams, doelCodes);

        long begin = System.nanoTime();
        jdbc.update("delete from opdracht_doel where opdracht_id in (select id from opdracht where sleutel like 'PF-%')");
        data.opdrachten("PF", basis, opdrachten - basis, teams, fase);
        data.koppel("PF", doelIds);
        indicatoren = data.indicatoren(doelIds, Math.max(1, (metingen - metingenBasis) / METINGEN_PER_INDICATOR),
                METINGEN_PER_INDICATOR);
        uitvoer.zet("laden_s", (System.nanoTime() - begin) / 1e9)
                .zet("metingen_geladen", jdbc.queryForObject("select count(*) from meting", Long.class))
                .zet("opdrachten_geladen", jdbc.queryForObject("select count(*) from opdracht", Long.class));
        data.analyseer();
        meetAlles(uitvoer, "vol", keren, opdrachten, indicatoren, teams, doelCodes);
        uitvoer.schrijf();
    }

    private static final String[] GEBIEDEN = { "Noord", "Oost", "Zuid", "West", "Centrum" };

    private void meetAlles(Uitvoer uitvoer, String stap, int keren, int opdrachten, List<Long> indicatoren,
            List<Team> teams, List<String> doelCodes) {
        Map<String, IntFunction<String>> paden = new LinkedHashMap<>();
        paden.put("dashboard", i -> "/api/dashboard");
        paden.put("lijst", i -> "/api/opdrachten?pagina=" + (i % 5) + "&grootte=50");
        paden.put("lijst_filter_sorteer", i -> "/api/opdrachten?fase=uitvoering&team=" + teams.get(i % TEAMS).getCode()
                + "&sorteer=budget,desc&pagina=0&grootte=25");
        paden.put("lijst_zoek", i -> "/api/opdrachten?zoek=opdracht%20" + (i % opdrachten) + "&grootte=25");
        paden.put("opdracht", i -> "/api/opdrachten/" + String.format("PF-%06d", toeval.nextInt(opdrachten)));
        paden.put("metingen", i -> "/api/indicatoren/" + indicatoren.get(toeval.nextInt(indicatoren.size()))
                + "/metingen");
        paden.put("realisatie", i -> "/api/indicatoren/" + indicatoren.get(toeval.nextInt(indicatoren.size()))
                + "/realisatie");
        paden.put("actualiteit", i -> "/api/actualiteit");
        paden.put("doelenboom", i -> "/api/doelen/boom");
        paden.put("gebieden", i -> "/api/gebieden");
        // A fifth of the portfolio in one gebied: far more than a real area plan holds.
        paden.put("gebiedsplan", i -> "/api/gebieden/" + GEBIEDEN[i % GEBIEDEN.length]);
        // One doel's impact page and an opdracht page's indicators: each doel has a twentieth of the
        // indicators (50 at full size, with all their metingen) and of the opdrachten.
        paden.put("impact_doel", i -> "/api/dashboard/impact?doel=" + doelCodes.get(i % doelCodes.size()));
        paden.put("impact_opdracht", i -> "/api/dashboard/impact?opdracht="
                + String.format("PF-%06d", toeval.nextInt(opdrachten)));
        int[] teller = new int[1];
        paden.forEach((naam, pad) -> {
            List<Double> ms = Uitvoer.latenties(10, keren, () -> haal(pad.apply(teller[0]++)));
            uitvoer.zet(stap + "_" + naam + "_p50_ms", Uitvoer.percentiel(ms, 50))
                    .zet(stap + "_" + naam + "_p95_ms", Uitvoer.percentiel(ms, 95));
        });
    }

    private String haal(String pad) {
        HttpRequest verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Accept", "application/json").header("Authorization", inloggen).GET().build();
        try {
            HttpResponse<String> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofString());
            if (antwoord.statusCode() != 200) {
                throw new AssertionError(pad + " answered " + antwoord.statusCode() + ": " + antwoord.body());
            }
            return antwoord.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
