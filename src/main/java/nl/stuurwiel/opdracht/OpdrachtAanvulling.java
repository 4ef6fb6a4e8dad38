package nl.stuurwiel.opdracht;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a requester supplies when intake asks for more information; null leaves a field as it is. */
public record OpdrachtAanvulling(String vraagstuk, String verwachtResultaat, String beleidstheorie,
        String opdrachtgever, List<String> doelen, BigDecimal budget, BigDecimal fte, LocalDate startdatum,
        LocalDate einddatum, ReviewFrequentie reviewFrequentie) {
}
