package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.meetronde.MetingVastleggenDelegate;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * The metingen of an opdracht's own indicators in its progress report. When the review opens
 * every active indicator of the opdracht gets a row for its last completed period, prefilled with
 * that period's value or else the latest value before it; what the team submits is stored as
 * metingen through the same rules as the API. Which indicator and period a row stands for is kept
 * on the server (the rows' order), so a changed form cannot write into another indicator.
 */
@Component
public class ReviewMetingen {

    private static final Opmaak OPMAAK = new Opmaak();

    /** One requested row: the indicator and the period, as kept on the server. */
    public record Vraag(Long indicatorId, String periode) {
    }

    private final IndicatorService indicatorService;
    private final ObjectMapper json = new ObjectMapper();

    public ReviewMetingen(IndicatorService indicatorService) {
        this.indicatorService = indicatorService;
    }

    /**
     * What the review form starts from: the rows it shows and which indicator and period each
     * row stands for, kept on the server (a JSON text).
     */
    public record Formulier(ArrayNode regels, String vragen) {
    }

    /**
     * Rows with naam, periode, vorigeWaarde (text), waarde, verhaal, voorstel, toelichting: one
     * per active indicator of the opdracht's own, from each one's current metingen (see
     * IndicatorService#actueleMetingen).
     */
    public Formulier formulier(List<Indicator> eigenIndicatoren, Function<Long, List<Meting>> actueleMetingen) {
        ArrayNode regels = json.createArrayNode();
        List<Vraag> vragen = new ArrayList<>();
        for (Indicator indicator : eigenIndicatoren.stream().filter(Indicator::isActief).toList()) {
            LocalDate periode = periode(indicator);
            vragen.add(new Vraag(indicator.getId(), periode.toString()));
            List<Meting> metingen = actueleMetingen.apply(indicator.getId());
            Meting huidig = metingen.stream().filter(m -> m.getPeriode().equals(periode)).findFirst().orElse(null);
            Meting vorige = metingen.stream().filter(m -> m.getPeriode().isBefore(periode)).reduce((a, b) -> b)
                    .orElse(null);
            ObjectNode regel = regels.addObject();
            regel.put("naam", indicator.getNaam() + (indicator.getEenheid() == null ? ""
                    : " (" + indicator.getEenheid() + ")"));
            Meetfrequentie frequentie = indicator.getMeetfrequentie();
            regel.put("periode", frequentie.naam(periode));
            regel.put("vorigeWaarde", vorige == null ? "–" : OPMAAK.getal(vorige.getWaarde()) + " ("
                    + frequentie.naam(vorige.getPeriode()) + ")");
            Meting voorinvulling = huidig != null ? huidig : vorige;
            if (voorinvulling != null) {
                regel.put("waarde", voorinvulling.getWaarde());
            } else {
                regel.putNull("waarde");
            }
            regel.put("verhaal", huidig == null ? null : huidig.getVerhaal());
            regel.put("voorstel", huidig == null ? null : huidig.getVoorstel());
            regel.putNull("toelichting");
        }
        try {
            return new Formulier(regels, json.writeValueAsString(vragen));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the submitted rows. A row without a value is skipped; a value equal to the period's
     * current one changes nothing. Every refused row is reported, as {@code metingen[i].veld}.
     */
    public void legVast(Object ingevuld, String gevraagd) {
        List<Vraag> vragen = gevraagd == null ? List.of() : List.of(lees(gevraagd, "metingen", Vraag[].class));
        JsonNode regels = ingevuld == null ? json.createArrayNode() : boom(ingevuld);
        if (!regels.isArray()) {
            throw new OngeldigeInvoerException("metingen", "is geen lijst");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        for (int i = 0; i < regels.size(); i++) {
            JsonNode regel = regels.get(i);
            String veld = "metingen[" + i + "]";
            BigDecimal waarde;
            try {
                waarde = MetingVastleggenDelegate.getal(tekst(regel, "waarde"), veld + ".waarde");
            } catch (OngeldigeInvoerException e) {
                fouten.putAll(e.getVelden());
                continue;
            }
            if (waarde == null) {
                continue;
            }
            if (i >= vragen.size()) {
                fouten.put(veld, "hoort bij geen indicator van deze opdracht");
                continue;
            }
            Vraag vraag = vragen.get(i);
            try {
                indicatorService.meetTenzijGelijk(vraag.indicatorId(), new MetingInvoer(vraag.periode(), waarde,
                        tekst(regel, "toelichting"), tekst(regel, "verhaal"), tekst(regel, "voorstel")));
            } catch (OngeldigeInvoerException e) {
                e.getVelden().forEach((k, v) -> fouten.put(veld + "." + k, v));
            }
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
    }

    /** The last period that is over: what a review looks back on. */
    static LocalDate periode(Indicator indicator) {
        Meetfrequentie frequentie = indicator.getMeetfrequentie();
        return frequentie.periodeVan(Klok.vandaag()).minusMonths(frequentie.maanden());
    }

    /** A Json variable (Spin), a JSON text or a plain list as a tree. */
    private JsonNode boom(Object waarde) {
        if (waarde instanceof String tekst) {
            return lees(tekst, "metingen", JsonNode.class);
        }
        if (waarde instanceof List<?> || waarde instanceof Map<?, ?>) {
            return json.valueToTree(waarde);
        }
        return lees(waarde.toString(), "metingen", JsonNode.class);
    }

    private <T> T lees(String tekst, String veld, Class<T> soort) {
        try {
            return json.readValue(tekst, soort);
        } catch (JsonProcessingException e) {
            throw new OngeldigeInvoerException(veld, "is geen geldige JSON");
        }
    }


    private static String tekst(JsonNode regel, String veld) {
        JsonNode waarde = regel == null ? null : regel.get(veld);
        return waarde == null || waarde.isNull() ? null : waarde.asText();
    }
}
