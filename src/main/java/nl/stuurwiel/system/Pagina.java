package nl.stuurwiel.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders the dashboard's HTML pages: its errors are shown on the
 * Stuurwiel error page ({@link PaginaFoutafhandeling}), not as the API's JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Pagina {
}
