package nl.stuurwiel.importeren;

/** The import refused the file (or a row failed): nothing was imported; the report says why. */
public class ImportGeweigerdException extends RuntimeException {

    private final transient ImportVerslag verslag;

    public ImportGeweigerdException(ImportVerslag verslag, Throwable oorzaak) {
        super("Import geweigerd: " + verslag.fouten().size() + " fout(en)", oorzaak);
        this.verslag = verslag;
    }

    public ImportVerslag getVerslag() {
        return verslag;
    }
}
