package nl.stuurwiel.doel;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/doelen", produces = MediaType.APPLICATION_JSON_VALUE)
public class DoelController {

    public record DoelRegel(String code, String naam, String soort, String omschrijving, String ouder) {
    }

    private final DoelRepository doelen;

    public DoelController(DoelRepository doelen) {
        this.doelen = doelen;
    }

    /** The goals opdrachten can be linked to (by code), parents first. */
    @GetMapping
    @Transactional(readOnly = true)
    public List<DoelRegel> doelen() {
        return doelen.findAll().stream().sorted(Comparator.comparing(Doel::getCode))
                .map(d -> new DoelRegel(d.getCode(), d.getNaam(), d.getSoort().name().toLowerCase(Locale.ROOT),
                        d.getOmschrijving(), d.getOuder() == null ? null : d.getOuder().getCode()))
                .toList();
    }
}
