package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.stuurwiel.StuurwielTest;

/** Parsed FEEL expressions are reused, and evaluate exactly as Camunda's own FEEL engine does. */
@StuurwielTest
class FeelExpressieCacheTest {

    private static final List<String> TOETSEN = List.of("< 0.9", "[0.9..1.1]", "> 1.1", "\"rood\",\"oranje\"",
            "not(\"groen\")", "-", "null", ">= 30");
    private static final List<Map<String, Object>> WAARDEN = List.of(Map.of("x", 0.5), Map.of("x", 1.0),
            Map.of("x", 1.2), Map.of("x", "rood"), Map.of("x", "groen"), Map.of("x", 30));

    @Autowired
    ProcessEngineConfiguration configuratie;

    private final FeelExpressieCache.Engine gecacht = new FeelExpressieCache.Engine(List.of());
    private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

    @Test
    void theProcessEnginesDecisionsUseIt() {
        assertThat(((ProcessEngineConfigurationImpl) configuratie).getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(FeelExpressieCache.Engine.class);
    }

    @Test
    void unaryTestsGiveCamundasAnswerForEveryInputAlsoWhenEvaluatedAgain() {
        for (int keer = 0; keer < 2; keer++) {
            for (String toets : TOETSEN) {
                for (Map<String, Object> waarde : WAARDEN) {
                    assertThat(uitkomst(() -> gecacht.evaluateSimpleUnaryTests(toets, "x", context(waarde))))
                            .as("%s with %s", toets, waarde)
                            .isEqualTo(uitkomst(() -> camunda.evaluateSimpleUnaryTests(toets, "x", context(waarde))));
                }
            }
        }
    }

    @Test
    void expressionsReadTheVariablesOfEachEvaluation() {
        assertThat((Object) gecacht.evaluateSimpleExpression("a * 2", context(Map.of("a", 3)))).isEqualTo(6L);
        assertThat((Object) gecacht.evaluateSimpleExpression("a * 2", context(Map.of("a", 5)))).isEqualTo(10L);
        assertThat((Object) gecacht.evaluateSimpleExpression("a", context(Map.of("a", "tekst")))).isEqualTo("tekst");
    }

    @Test
    void anExpressionThatDoesNotParseFailsWithItsTextEveryTime() {
        for (int keer = 0; keer < 2; keer++) {
            assertThatThrownBy(() -> gecacht.evaluateSimpleUnaryTests("[1..", "x", context(Map.of("x", 1))))
                    .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse expression '[1..'");
        }
        assertThatThrownBy(() -> gecacht.evaluateSimpleExpression("a +", context(Map.of("a", 1))))
                .isInstanceOf(FeelException.class).hasMessageContaining("'a +'");
    }

    private static VariableContext context(Map<String, Object> waarden) {
        return Variables.fromMap(waarden).asVariableContext();
    }

    /** The answer, or the exception's message: a failing test fails the same way in both engines. */
    private static Object uitkomst(java.util.function.Supplier<Object> evaluatie) {
        try {
            return evaluatie.get();
        } catch (FeelException e) {
            return e.getMessage();
        }
    }
}
