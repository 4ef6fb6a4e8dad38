package nl.stuurwiel.opdracht;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A gebied is text typed on the opdracht: "Oost", "oost" and " Oost" are one gebied. Every
 * overview compares gebieden by {@link #sleutel} and shows each under one spelling.
 */
public final class Gebiedsnamen {

    private Gebiedsnamen() {
    }

    /** What gebieden are compared by: lower case without the spaces around it; null for none. */
    public static String sleutel(String gebied) {
        return gebied == null || gebied.isBlank() ? null : gebied.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * For the spellings in a set of opdrachten (one per opdracht), the name each is shown under: the
     * spelling most of them use; of equally used ones the first in sort order ("Oost" before "oost").
     */
    public static Function<String, String> eenduidig(Collection<String> spellingen) {
        Map<String, Map<String, Long>> perSleutel = new HashMap<>();
        spellingen.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> perSleutel.computeIfAbsent(sleutel(s), k -> new TreeMap<>()).merge(s, 1L, Long::sum));
        Map<String, String> naam = perSleutel.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey()));
        return spelling -> spelling == null || spelling.isBlank() ? spelling
                : naam.getOrDefault(sleutel(spelling), spelling.strip());
    }
}
