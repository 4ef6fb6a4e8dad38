package nl.stuurwiel.system;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.commons.utils.cache.Cache;
import org.camunda.commons.utils.cache.ConcurrentLruCache;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;

/**
 * Keeps the FEEL expressions of the deployed decisions parsed. Camunda's FEEL engine parses every
 * input expression and input entry again each time it evaluates it; for status-kleur.dmn, which
 * every review evaluates twice, parsing was two thirds of the decision's time (bench/RESULTS.md).
 * Evaluation is Camunda's own: the same engine, value mappers and custom functions.
 */
@Component
public class FeelExpressieCache extends AbstractProcessEnginePlugin {

    /** Distinct expression texts kept; the deployed decisions hold a few hundred at most. */
    static final int OMVANG = 5_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        DefaultDmnEngineConfiguration dmn = configuratie.getDmnEngineConfiguration() != null
                ? configuratie.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // An engine configured elsewhere, or the legacy FEEL behaviour, stays as it is.
        if (dmn.getFeelEngineFactory() == null && !dmn.isEnableFeelLegacyBehavior()) {
            dmn.setFeelEngineFactory(() -> new Engine(dmn.getFeelCustomFunctionProviders()));
            configuratie.setDmnEngineConfiguration(dmn);
        }
    }

    static class Engine extends ScalaFeelEngine {

        private final Cache<String, Either<Failure, ParsedExpression>> expressies = new ConcurrentLruCache<>(OMVANG);
        private final Cache<String, Either<Failure, ParsedExpression>> toetsen = new ConcurrentLruCache<>(OMVANG);

        Engine(List<FeelCustomFunctionProvider> functies) {
            super(functies == null ? List.of() : functies);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expressie, VariableContext variabelen) {
            ParsedExpression ontleed = ontleed(expressies, expressie, feelEngine::parseExpression);
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new ContextVariableWrapper(variabelen);
                }
            };
            return (T) waarde(feelEngine.eval(ontleed, context));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String toets, String invoer, VariableContext variabelen) {
            ParsedExpression ontleed = ontleed(toetsen, toets, feelEngine::parseUnaryTests);
            StaticVariableProvider invoerNaam = new StaticVariableProvider(
                    new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), invoer));
            ContextVariableWrapper waarden = new ContextVariableWrapper(variabelen);
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new CompositeVariableProvider(toScalaList(invoerNaam, waarden));
                }
            };
            return BoxesRunTime.unboxToBoolean(waarde(feelEngine.eval(ontleed, context)));
        }

        private static ParsedExpression ontleed(Cache<String, Either<Failure, ParsedExpression>> cache, String tekst,
                Function<String, Either<Failure, ParsedExpression>> parser) {
            Either<Failure, ParsedExpression> ontleed = cache.get(tekst);
            if (ontleed == null) {
                ontleed = parser.apply(tekst);
                cache.put(tekst, ontleed);
            }
            return (ParsedExpression) waarde(ontleed);
        }

        private static Object waarde(Either<Failure, ?> uitkomst) {
            if (uitkomst instanceof Left<Failure, ?> fout) {
                throw LOGGER.evaluationException(fout.value().message());
            }
            return uitkomst.toOption().get();
        }
    }
}
