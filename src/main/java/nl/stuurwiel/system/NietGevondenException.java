package nl.stuurwiel.system;

public class NietGevondenException extends RuntimeException {

    public NietGevondenException(String melding) {
        super(melding);
    }
}
