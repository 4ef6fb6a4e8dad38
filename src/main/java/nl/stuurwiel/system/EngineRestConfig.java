package nl.stuurwiel.system;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST API as the starter builds it, plus Stuurwiel's mapping of invalid input. */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(OngeldigeInvoerMapper.Engine.class);
        register(OngeldigeInvoerMapper.Rest.class);
        register(OngeldigeInvoerMapper.Gelijktijdig.class);
    }
}
