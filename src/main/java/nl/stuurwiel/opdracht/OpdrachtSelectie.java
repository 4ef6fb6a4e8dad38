package nl.stuurwiel.opdracht;

/**
 * The filters of the opdracht list and its export, as the query string gives them
 * ({@code ?fase=&team=&domein=&gebied=&zoek=&mijnAanvragen=true}); blank means "all". Checked in
 * {@link OpdrachtInzage}.
 */
public record OpdrachtSelectie(String fase, String team, String domein, String gebied, String zoek,
        String mijnAanvragen) {
}
