package nl.stuurwiel.system;

import java.math.BigDecimal;

/** One CSV cell as Dutch spreadsheets read it (semicolon-separated, decimal comma). */
public final class Spreadsheetcel {

    private Spreadsheetcel() {
    }

    /**
     * Numbers with a decimal comma; text quoted when needed, and a leading =, +, -, @, tab or
     * carriage return defused with a quote so spreadsheets show text, not a formula.
     */
    public static String csv(Object waarde) {
        if (waarde == null) {
            return "";
        }
        if (waarde instanceof BigDecimal getal) {
            return getal.toPlainString().replace('.', ',');
        }
        if (waarde instanceof Number getal) {
            return getal.toString();
        }
        String origineel = waarde.toString();
        String tekst = origineel;
        if (!tekst.isEmpty() && "=+-@\t\r".indexOf(tekst.charAt(0)) >= 0) {
            tekst = "'" + tekst;
        }
        if (tekst.contains(";") || tekst.contains("\"") || tekst.contains("\n") || tekst.contains("\r")
                || !tekst.equals(origineel)) {
            tekst = "\"" + tekst.replace("\"", "\"\"") + "\"";
        }
        return tekst;
    }
}
