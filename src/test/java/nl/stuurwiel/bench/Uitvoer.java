package nl.stuurwiel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every benchmark shares: sizes (scaled down with -Dbench.schaal for a quick run), latency
 * percentiles, and the key=value files under target/bench that bench/run turns into its table.
 */
final class Uitvoer {

    static final Path MAP = Path.of("target", "bench");

    private final String naam;
    private final Map<String, String> waarden = new LinkedHashMap<>();

    Uitvoer(String naam, String databank) {
        this.naam = naam + "-" + soort(databank);
        waarden.put("database", soort(databank));
    }

    static String soort(String databank) {
        return databank.startsWith("jdbc:postgresql") ? "postgresql" : "h2";
    }

    /** The size named by this property, or the target size times -Dbench.schaal (default 1). */
    static int omvang(String eigenschap, int doel) {
        Integer gegeven = Integer.getInteger(eigenschap);
        if (gegeven != null) {
            return gegeven;
        }
        double schaal = Double.parseDouble(System.getProperty("bench.schaal", "1"));
        return Math.max(1, (int) Math.round(doel * schaal));
    }

    Uitvoer zet(String sleutel, Object waarde) {
        waarden.put(sleutel, waarde instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(waarde));
        return this;
    }

    void schrijf() {
        try {
            Files.createDirectories(MAP);
            StringBuilder tekst = new StringBuilder();
            waarden.forEach((k, v) -> tekst.append(k).append('=').append(v).append('\n'));
            Files.writeString(MAP.resolve(naam + ".txt"), tekst);
            System.out.print("[bench] " + naam + "\n" + tekst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Latencies in milliseconds of one call, after warming up. */
    static List<Double> latenties(int opwarmen, int keren, Supplier<?> aanroep) {
        for (int i = 0; i < opwarmen; i++) {
            aanroep.get();
        }
        List<Double> ms = new ArrayList<>(keren);
        for (int i = 0; i < keren; i++) {
            long begin = System.nanoTime();
            aanroep.get();
            ms.add((System.nanoTime() - begin) / 1e6);
        }
        return ms;
    }

    /** Nearest-rank percentile. */
    static double percentiel(List<Double> waarden, double p) {
        List<Double> gesorteerd = new ArrayList<>(waarden);
        Collections.sort(gesorteerd);
        int rang = (int) Math.ceil(p / 100.0 * gesorteerd.size());
        return gesorteerd.get(Math.max(0, Math.min(gesorteerd.size() - 1, rang - 1)));
    }
}
