package nl.stuurwiel.system;

/** A request that is valid in itself but conflicts with the data as it is now (HTTP 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String melding) {
        super(melding);
    }
}
