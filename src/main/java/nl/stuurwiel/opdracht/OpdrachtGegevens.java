package nl.stuurwiel.opdracht;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The description of an opdracht as the portfolio office corrects it: every field is replaced, an
 * empty text clears it. Money, people and dates change through an adjustment (bijstelling), the team
 * through a transfer. {@code wijzigingsnummer} is the opdracht's as the editor saw it; when given, a
 * change made since is not overwritten.
 */
public record OpdrachtGegevens(
        @NotBlank(message = "is verplicht") @Size(max = 200, message = "is langer dan 200 tekens") String titel,
        @Size(max = 4000, message = "is langer dan 4000 tekens") String vraagstuk,
        @Size(max = 4000, message = "is langer dan 4000 tekens") String verwachtResultaat,
        @Size(max = 4000, message = "is langer dan 4000 tekens") String beleidstheorie,
        @NotNull(message = "is verplicht") OpdrachtType type,
        @NotBlank(message = "is verplicht") String domein,
        @Size(max = 100, message = "is langer dan 100 tekens") String gebied,
        @Size(max = 100, message = "is langer dan 100 tekens") String opdrachtgever,
        @NotNull(message = "is verplicht: ja of nee") Boolean vertrouwelijk,
        Long wijzigingsnummer) {
}
