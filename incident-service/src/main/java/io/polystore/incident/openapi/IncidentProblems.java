package io.polystore.incident.openapi;

import io.polystore.rest.openapi.ApiDocumentFilter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The members this service's problems carry besides the chassis' ({@link ApiDocumentFilter} writes the rest of the
 * document's common parts): a refused status change names the current status and the allowed ones, a refused key the
 * most active keys a user may hold.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IncidentProblems implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        ApiDocumentFilter.problemMember(api, "currentStatus", OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING).description("409 on a status change: the incident's status."));
        ApiDocumentFilter.problemMember(api, "allowed", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .description("409 on a status change: the statuses it may move to."));
        ApiDocumentFilter.problemMember(api, "maxActive", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                .format("int32").description("409 on creating an API key: the most active keys a user may hold."));
    }
}
