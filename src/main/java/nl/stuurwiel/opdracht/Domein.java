package nl.stuurwiel.opdracht;

public enum Domein {
    SOCIAAL, FYSIEK, ECONOMIE, ONDERWIJS, VEILIGHEID, BEDRIJFSVOERING, DIENSTVERLENING
}
