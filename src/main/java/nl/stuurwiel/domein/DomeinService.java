package nl.stuurwiel.domein;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;

/**
 * The municipality's own list of policy domains. The portfolio office, MT and administrators keep
 * it; every request, correction, import and filter is checked against it.
 */
@Service
@Transactional
public class DomeinService {

    /** Lower case, as the codes were when the list was fixed, and usable in a URL and a CSV cell. */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,29}");
    private static final int NAAM = 100;

    private final DomeinRepository domeinen;
    private final Bewerkrechten rechten;

    public DomeinService(DomeinRepository domeinen, Bewerkrechten rechten) {
        this.domeinen = domeinen;
        this.rechten = rechten;
    }

    @Transactional(readOnly = true)
    public List<Domein> alle() {
        return domeinen.opNaam();
    }

    /** The domains a new opdracht may be filed under, by name. */
    @Transactional(readOnly = true)
    public List<Domein> gangbaar() {
        return domeinen.opNaam().stream().filter(d -> !d.isOpgeheven()).toList();
    }

    @Transactional(readOnly = true)
    public Domein domein(String code) {
        return zoek(code).orElseThrow(() -> new NietGevondenException("Domein " + code + " bestaat niet"));
    }

    /** The domain a text names by code or name, in any case; dissolved ones too (a filter, history). */
    @Transactional(readOnly = true)
    public Optional<Domein> zoek(String tekst) {
        if (tekst == null || tekst.isBlank()) {
            return Optional.empty();
        }
        String t = tekst.strip().toLowerCase(Locale.ROOT);
        return domeinen.findById(t).or(() -> domeinen.opNaam().stream()
                .filter(d -> d.getNaam().strip().toLowerCase(Locale.ROOT).equals(t)).findFirst());
    }

    /**
     * What is wrong with the domain a new opdracht, or a correction, names; null when nothing is. A
     * correction may keep a dissolved domain the opdracht already has.
     */
    @Transactional(readOnly = true)
    public String fout(String tekst, String huidig) {
        if (tekst == null || tekst.isBlank()) {
            return null;
        }
        Optional<Domein> domein = zoek(tekst);
        if (domein.isEmpty()) {
            return "onbekend domein '" + tekst.strip() + "'; kies uit: " + keuzes();
        }
        if (domein.get().isOpgeheven() && !domein.get().getCode().equals(huidig)) {
            return "domein " + domein.get().getCode() + " is opgeheven op "
                    + new Opmaak().datum(domein.get().getOpgehevenOp()) + "; kies uit: " + keuzes();
        }
        return null;
    }

    /** The code of the domain a text names, for a value {@link #fout} has accepted. */
    @Transactional(readOnly = true)
    public String code(String tekst) {
        return zoek(tekst).map(Domein::getCode).orElse(null);
    }

    /** The codes a new opdracht can take, for messages. */
    @Transactional(readOnly = true)
    public String keuzes() {
        return gangbaar().stream().map(Domein::getCode).collect(Collectors.joining(", "));
    }

    public Domein maak(DomeinInvoer invoer) {
        rechten.controleerPortfoliobeheer("domeinen beheren");
        if (invoer == null) {
            throw new OngeldigeInvoerException("domein", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        String code = invoer.code() == null ? null : invoer.code().strip();
        if (code == null || code.isEmpty()) {
            fouten.put("code", "is verplicht");
        } else if (!CODE.matcher(code).matches()) {
            fouten.put("code", "'" + code + "' is geen geldige code: 2 tot 30 kleine letters, cijfers of streepjes, "
                    + "beginnend met een letter (bijv. zorg of openbare-ruimte)");
        } else {
            zoek(code).ifPresent(d -> fouten.put("code", d.getCode().equals(code) ? "domein " + code + " bestaat al"
                    : "is al de naam van domein " + d.getCode()));
        }
        controleerNaam(invoer.naam(), null, fouten);
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        return domeinen.save(new Domein(code, invoer.naam().strip()));
    }

    public Domein wijzig(String code, DomeinInvoer invoer) {
        rechten.controleerPortfoliobeheer("domeinen beheren");
        Domein domein = domein(code);
        if (invoer == null) {
            throw new OngeldigeInvoerException("domein", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        if (invoer.code() != null && !invoer.code().strip().equals(domein.getCode())) {
            fouten.put("code", "blijft " + domein.getCode() + ": de opdrachten en rapportages verwijzen ernaar");
        }
        controleerNaam(invoer.naam(), domein.getCode(), fouten);
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        domein.setNaam(invoer.naam().strip());
        return domein;
    }

    /** No longer offered for new opdrachten; those filed under it keep it. */
    public Domein hefOp(String code) {
        rechten.controleerPortfoliobeheer("domeinen beheren");
        Domein domein = domein(code);
        if (!domein.isOpgeheven()) {
            if (gangbaar().size() == 1) {
                throw new ConflictException("Domein " + code + " is het laatste domein; een nieuwe opdracht heeft er een nodig");
            }
            domein.hefOp(Klok.vandaag());
        }
        return domein;
    }

    public Domein herstel(String code) {
        rechten.controleerPortfoliobeheer("domeinen beheren");
        Domein domein = domein(code);
        domein.herstel();
        return domein;
    }

    @Transactional(readOnly = true)
    public long opdrachten(String code) {
        return domeinen.opdrachten(code);
    }

    private void controleerNaam(String naam, String eigenCode, Map<String, String> fouten) {
        if (naam == null || naam.isBlank()) {
            fouten.put("naam", "is verplicht");
        } else if (naam.strip().length() > NAAM) {
            fouten.put("naam", "is langer dan " + NAAM + " tekens");
        } else {
            // A name is a way to name the domain in the import, so it names one domain only.
            zoek(naam).filter(d -> !d.getCode().equals(eigenCode))
                    .ifPresent(d -> fouten.put("naam", "is al de naam of code van domein " + d.getCode()));
        }
    }
}
