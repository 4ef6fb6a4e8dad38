package nl.stuurwiel.opdracht;

public enum OpdrachtType {
    INTERVENTIE, PROJECT, PROGRAMMA, ACTIVITEIT
}
