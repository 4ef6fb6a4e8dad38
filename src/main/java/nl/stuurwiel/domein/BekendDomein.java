package nl.stuurwiel.domein;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A domain a new opdracht may be filed under: one of the list, not dissolved. A rule like the
 * others of a request, so that it is named together with them, also beside values that could not
 * be read (system/OnleesbareInvoer).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BekendDomein.Controle.class)
public @interface BekendDomein {

    String message() default "onbekend domein";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, which hands it the domain list. */
    class Controle implements ConstraintValidator<BekendDomein, String> {

        private final DomeinService domeinService;

        public Controle(DomeinService domeinService) {
            this.domeinService = domeinService;
        }

        @Override
        public boolean isValid(String waarde, ConstraintValidatorContext context) {
            String fout = domeinService.fout(waarde, null);
            if (fout == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The text holds what the user typed: escaped, so the validator reads it as text only.
            context.buildConstraintViolationWithTemplate(fout.replaceAll("([\\\\{}$])", "\\\\$1"))
                    .addConstraintViolation();
            return false;
        }
    }
}
