package nl.stuurwiel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Benchmark 5 (run by bench/run): time from JVM start until Stuurwiel is ready, and the heap in
 * use after startup and a full GC, each in a fresh JVM: first on an empty database (schema and
 * migrations created), then restarts on the existing one. Baseline: Camunda's engine alone
 * with the same model on the same kind of database. Not a Spring test: it starts its own JVMs.
 */
class OpstartBench {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void startupTimeAndHeap() throws Exception {
        int herstarts = Integer.getInteger("bench.herstarts", 2);
        String url = System.getenv("STUURWIEL_DB_URL");
        boolean postgres = url != null && url.startsWith("jdbc:postgresql")
                && String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres");
        Uitvoer uitvoer = new Uitvoer("opstart", postgres ? url : "h2").zet("herstarts", herstarts)
                .zet("processors", Runtime.getRuntime().availableProcessors());
        Path map = Uitvoer.MAP.resolve("opstart-data").toAbsolutePath();
        Files.createDirectories(map);

        String stuurwielUrl = postgres ? url : "jdbc:h2:file:" + map.resolve("stuurwiel-" + ProcessHandle.current().pid());
        List<String> stuurwiel = List.of("stuurwiel", "--server.port=0", "--camunda.bpm.job-execution.enabled=true",
                "--spring.datasource.url=" + stuurwielUrl);
        String kaalUrl = postgres ? url + "_kaal" : "jdbc:h2:file:" + map.resolve("kaal-" + ProcessHandle.current().pid());
        List<String> kaal = List.of("kaal", kaalUrl, postgres ? String.valueOf(System.getenv("STUURWIEL_DB_USER")) : "sa",
                postgres ? String.valueOf(System.getenv().getOrDefault("STUURWIEL_DB_PASSWORD", "")) : "");

        meet(uitvoer, "stuurwiel", stuurwiel, herstarts);
        meet(uitvoer, "kaal", kaal, herstarts);
        uitvoer.schrijf();
    }

    private static void meet(Uitvoer uitvoer, String naam, List<String> args, int herstarts) throws Exception {
        Map<String, Double> leeg = start(args);
        List<Double> ms = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        for (int i = 0; i < herstarts; i++) {
            Map<String, Double> herstart = start(args);
            ms.add(herstart.get("ms"));
            heap.add(herstart.get("heap_mb"));
        }
        Collections.sort(ms);
        Collections.sort(heap);
        uitvoer.zet(naam + "_leeg_s", leeg.get("ms") / 1000).zet(naam + "_leeg_heap_mb", leeg.get("heap_mb"))
                .zet(naam + "_herstart_s", ms.get(ms.size() / 2) / 1000)
                .zet(naam + "_herstart_heap_mb", heap.get(heap.size() / 2))
                .zet(naam + "_nonheap_mb", leeg.get("nonheap_mb")).zet(naam + "_max_heap_mb", leeg.get("max_heap_mb"));
    }

    /** Runs {@link Opstart} in a fresh JVM and reads its OPSTART line. */
    private static Map<String, Double> start(List<String> args) throws IOException, InterruptedException {
        String klassenpad = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> opdracht = new ArrayList<>(List.of(JAVA, "-cp", klassenpad, Opstart.class.getName()));
        opdracht.addAll(args);
        Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        Map<String, Double> waarden = new TreeMap<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader uit = new BufferedReader(
                new InputStreamReader(proces.getInputStream(), StandardCharsets.UTF_8))) {
            String regel;
            while ((regel = uit.readLine()) != null) {
                log.append(regel).append('\n');
                if (regel.startsWith("OPSTART ")) {
                    for (String deel : regel.substring(8).split(" ")) {
                        String[] kv = deel.split("=");
                        waarden.put(kv[0], Double.parseDouble(kv[1]));
                    }
                }
            }
        }
        if (!proces.waitFor(5, TimeUnit.MINUTES) || waarden.isEmpty()) {
            proces.destroyForcibly();
            throw new AssertionError("start failed: " + args + "\n" + log.substring(Math.max(0, log.length() - 4000)));
        }
        return waarden;
    }
}
