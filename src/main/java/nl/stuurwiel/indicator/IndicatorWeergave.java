package nl.stuurwiel.indicator;

import static nl.stuurwiel.indicator.IndicatorService.woord;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import nl.stuurwiel.indicator.RealisatieBerekening.Realisatie;
import nl.stuurwiel.system.Gebruikersnamen.Namen;

/**
 * How the API shows indicators, metingen and realisation: enums as lowercase words; people by user
 * id and by name.
 */
public final class IndicatorWeergave {

    private IndicatorWeergave() {
    }

    public record IndicatorRegel(Long id, String doel, String opdracht, String naam, String definitie, String eenheid,
            String richting, BigDecimal basiswaarde, LocalDate basisdatum, BigDecimal streefwaarde,
            LocalDate streefdatum, Map<Integer, BigDecimal> tussendoelen, String meetfrequentie, String bron,
            String eigenaar, String eigenaarNaam, String status, boolean meetbaar) {

        static IndicatorRegel van(Indicator i, Namen namen) {
            return new IndicatorRegel(i.getId(), i.getDoel() == null ? null : i.getDoel().getCode(),
                    i.getOpdracht() == null ? null : i.getOpdracht().getSleutel(), i.getNaam(), i.getDefinitie(),
                    i.getEenheid(), woord(i.getRichting()), i.getBasiswaarde(), i.getBasisdatum(), i.getStreefwaarde(),
                    i.getStreefdatum(), i.getTussendoelen(), woord(i.getMeetfrequentie()), i.getBron(),
                    i.getEigenaar(), namen.naam(i.getEigenaar()), woord(i.getStatus()), i.isMeetbaar());
        }
    }

    public record MetingRegel(LocalDate periode, int versie, BigDecimal waarde, String toelichting, String verhaal,
            String voorstel, String ingevoerdDoor, String ingevoerdDoorNaam, Instant ingevoerdOp) {

        static MetingRegel van(Meting m, Namen namen) {
            return new MetingRegel(m.getPeriode(), m.getVersie(), m.getWaarde(), m.getToelichting(), m.getVerhaal(),
                    m.getVoorstel(), m.getIngevoerdDoor(), namen.naam(m.getIngevoerdDoor()), m.getIngevoerdOp());
        }
    }

    public record RealisatieRegel(Long indicator, String naam, String eenheid, String richting,
            BigDecimal basiswaarde, LocalDate basisdatum, BigDecimal streefwaarde, LocalDate streefdatum,
            LocalDate vorigePeriode, BigDecimal vorigeWaarde, LocalDate huidigePeriode, BigDecimal huidigeWaarde,
            BigDecimal huidigeNorm, String normBron, BigDecimal trajectwaarde, LocalDate volgendePeriode,
            BigDecimal volgendeNorm, BigDecimal afwijkingVanNorm, String trend, BigDecimal veranderingSindsBasis,
            BigDecimal veranderingSindsBasisRelatief, String status, String melding) {

        public static RealisatieRegel van(Indicator i, Realisatie r) {
            return new RealisatieRegel(i.getId(), i.getNaam(), i.getEenheid(), woord(i.getRichting()),
                    i.getBasiswaarde(), i.getBasisdatum(), i.getStreefwaarde(), i.getStreefdatum(), r.vorigePeriode(),
                    r.vorigeWaarde(), r.huidigePeriode(), r.huidigeWaarde(), r.huidigeNorm(), r.normBron(),
                    r.trajectwaarde(), r.volgendePeriode(), r.volgendeNorm(), r.afwijkingVanNorm(), woord(r.trend()),
                    r.veranderingSindsBasis(), r.veranderingSindsBasisRelatief(), woord(r.status()), r.melding());
        }
    }
}
