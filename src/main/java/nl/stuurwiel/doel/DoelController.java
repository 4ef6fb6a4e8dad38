package nl.stuurwiel.doel;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.security.Toegang;

@RestController
@RequestMapping(path = "/api/doelen", produces = MediaType.APPLICATION_JSON_VALUE)
public class DoelController {

    public record DoelRegel(String code, String naam, String soort, String omschrijving, String ouder,
            LocalDate van, LocalDate tot, String wet, boolean meetbaar) {

        static DoelRegel van(Doel d) {
            return new DoelRegel(d.getCode(), d.getNaam(), woord(d.getSoort()), d.getOmschrijving(),
                    d.getOuder() == null ? null : d.getOuder().getCode(), d.getVan(), d.getTot(), d.getWet(),
                    d.heeftMeetbareIndicator());
        }
    }

    /** An opdracht contributing to a doel, with its expected contribution and weight. */
    public record Bijdrage(String opdracht, String titel, String fase, String bijdrage, int gewicht) {
    }

    public record IndicatorVerwijzing(Long id, String naam, String status, boolean meetbaar) {
    }

    /** One node of the goal tree with what hangs under it. */
    public record Knoop(String code, String naam, String soort, String omschrijving, LocalDate van, LocalDate tot,
            String wet, List<IndicatorVerwijzing> indicatoren, List<Bijdrage> opdrachten, List<Knoop> kinderen) {
    }

    private final DoelService doelService;
    private final DoelRepository doelen;

    private final Toegang toegang;

    public DoelController(DoelService doelService, DoelRepository doelen, Toegang toegang) {
        this.doelService = doelService;
        this.doelen = doelen;
        this.toegang = toegang;
    }

    /** The goals opdrachten can be linked to (by code), sorted by code. */
    @GetMapping
    @Transactional(readOnly = true)
    public List<DoelRegel> doelen() {
        return doelService.alle().stream().sorted(Comparator.comparing(Doel::getCode)).map(DoelRegel::van).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public ResponseEntity<DoelRegel> maak(@RequestBody DoelInvoer invoer) {
        Doel doel = doelService.maak(invoer);
        return ResponseEntity.created(URI.create("/api/doelen/" + doel.getCode())).body(DoelRegel.van(doel));
    }

    /** The whole tree: roots sorted by code, each with its indicators, opdrachten and children. */
    @GetMapping("/boom")
    @Transactional(readOnly = true)
    public List<Knoop> boom() {
        List<Doel> alle = doelService.alle();
        Map<Long, List<Doel>> kinderen = new HashMap<>();
        List<Doel> wortels = new ArrayList<>();
        for (Doel d : alle) {
            if (d.getOuder() == null) {
                wortels.add(d);
            } else {
                kinderen.computeIfAbsent(d.getOuder().getId(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<Long, List<Bijdrage>> bijdragen = new HashMap<>();
        for (Object[] r : doelen.bijdragen()) {
            if (!toegang.magZien(Boolean.TRUE.equals(r[6]), (String) r[7], (String) r[8])) {
                continue;
            }
            bijdragen.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new Bijdrage((String) r[1],
                    (String) r[2], woord((Enum<?>) r[3]), (String) r[4], ((Number) r[5]).intValue()));
        }
        Map<Long, List<IndicatorVerwijzing>> indicatoren = new HashMap<>();
        for (Object[] r : doelen.indicatoren()) {
            indicatoren.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new IndicatorVerwijzing((Long) r[1],
                    (String) r[2], woord((Enum<?>) r[3]), Boolean.TRUE.equals(r[4])));
        }
        return wortels.stream().sorted(Comparator.comparing(Doel::getCode))
                .map(w -> knoop(w, kinderen, bijdragen, indicatoren)).toList();
    }

    @GetMapping("/{code}")
    @Transactional(readOnly = true)
    public DoelRegel doel(@PathVariable String code) {
        return DoelRegel.van(doelService.doel(code));
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public DoelRegel wijzig(@PathVariable String code, @RequestBody DoelInvoer invoer) {
        return DoelRegel.van(doelService.wijzig(code, invoer));
    }

    @DeleteMapping("/{code}")
    public ResponseEntity<Void> verwijder(@PathVariable String code) {
        doelService.verwijder(code);
        return ResponseEntity.noContent().build();
    }

    private static Knoop knoop(Doel d, Map<Long, List<Doel>> kinderen, Map<Long, List<Bijdrage>> bijdragen,
            Map<Long, List<IndicatorVerwijzing>> indicatoren) {
        // Depth is bounded: the service refuses every change that would make a cycle.
        List<Knoop> onder = kinderen.getOrDefault(d.getId(), List.of()).stream()
                .sorted(Comparator.comparing(Doel::getCode)).map(k -> knoop(k, kinderen, bijdragen, indicatoren))
                .toList();
        return new Knoop(d.getCode(), d.getNaam(), woord(d.getSoort()), d.getOmschrijving(), d.getVan(), d.getTot(),
                d.getWet(), indicatoren.getOrDefault(d.getId(), List.of()), bijdragen.getOrDefault(d.getId(), List.of()),
                onder);
    }

    private static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
