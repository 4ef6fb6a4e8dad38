package nl.stuurwiel.opdracht;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.stuurwiel.domein.BekendDomein;
import nl.stuurwiel.system.OnleesbareInvoer;

/** A request for a new opdracht, from the API or from the Tasklist start form. */
public record OpdrachtAanvraag(
        @NotBlank(message = "is verplicht") @Size(max = 200, message = "is langer dan 200 tekens") String titel,
        @Size(max = 4000, message = "is langer dan 4000 tekens") String vraagstuk,
        @Size(max = 4000, message = "is langer dan 4000 tekens") String verwachtResultaat,
        @Size(max = 4000, message = "is langer dan 4000 tekens") String beleidstheorie,
        @NotNull(message = "is verplicht") OpdrachtType type,
        @NotBlank(message = "is verplicht") @BekendDomein String domein,
        @Size(max = 100, message = "is langer dan 100 tekens") String gebied,
        @Size(max = 100, message = "is langer dan 100 tekens") String opdrachtgever,
        @NotBlank(message = "is verplicht") @Size(max = 50, message = "is langer dan 50 tekens") String team,
        @Size(max = 50, message = "bevat meer dan 50 doelen") List<@NotBlank(message = "is leeg") String> doelen,
        @PositiveOrZero(message = "mag niet negatief zijn")
        @Digits(integer = 13, fraction = 2, message = "is geen bedrag in euro's") BigDecimal budget,
        @PositiveOrZero(message = "mag niet negatief zijn")
        @Digits(integer = 6, fraction = 2, message = "heeft te veel cijfers") BigDecimal fte,
        LocalDate startdatum,
        LocalDate einddatum,
        ReviewFrequentie reviewFrequentie,
        Boolean vertrouwelijk) implements OnleesbareInvoer.EigenRegels {

    /** A request that is not confidential. */
    public OpdrachtAanvraag(String titel, String vraagstuk, String verwachtResultaat, String beleidstheorie,
            OpdrachtType type, String domein, String gebied, String opdrachtgever, String team, List<String> doelen,
            BigDecimal budget, BigDecimal fte, LocalDate startdatum, LocalDate einddatum,
            ReviewFrequentie reviewFrequentie) {
        this(titel, vraagstuk, verwachtResultaat, beleidstheorie, type, domein, gebied, opdrachtgever, team, doelen,
                budget, fte, startdatum, einddatum, reviewFrequentie, false);
    }

    /** The period's rules: they need no database, so an unreadable value elsewhere does not hide them. */
    @Override
    public Map<String, String> eigenRegelfouten() {
        return OpdrachtService.periodefouten(startdatum, einddatum);
    }

    public boolean isVertrouwelijk() {
        return Boolean.TRUE.equals(vertrouwelijk);
    }

    public List<String> doelenOfLeeg() {
        return doelen == null ? List.of() : doelen;
    }
}
