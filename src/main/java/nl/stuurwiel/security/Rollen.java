package nl.stuurwiel.security;

/** Camunda groups that carry a role in Stuurwiel; team groups come on top of these. */
public final class Rollen {

    public static final String AANVRAGER = "aanvrager";
    public static final String INTAKE = "intake";
    public static final String MT = "mt";
    public static final String PROCESONTWERPER = "procesontwerper";
    /** Camunda's own administrators group, created with the first administrator. */
    public static final String BEHEERDER = "camunda-admin";
    /** Group type of the team groups in Camunda Admin. */
    public static final String TEAM_TYPE = "team";

    private Rollen() {
    }
}
