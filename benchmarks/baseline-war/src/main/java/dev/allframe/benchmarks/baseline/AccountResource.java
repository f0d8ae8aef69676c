package dev.allframe.benchmarks.baseline;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The sample's account endpoints, on {@link Bank}. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Bank bank;

    @POST
    public Response open(Requests.Open body, @Context UriInfo uri) {
        AccountView view = bank.open(body == null ? new Requests.Open(null, null) : body);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    public List<AccountView> list() {
        return bank.all();
    }

    @GET
    @Path("{id}")
    public AccountView get(@PathParam("id") String id) {
        return bank.get(id);
    }

    @POST
    @Path("{id}/deposits")
    public AccountView deposit(@PathParam("id") String id, Requests.Amount body) {
        return bank.deposit(id, body == null ? null : body.amount());
    }

    @POST
    @Path("{id}/withdrawals")
    public AccountView withdraw(@PathParam("id") String id, Requests.Amount body) {
        return bank.withdraw(id, body == null ? null : body.amount());
    }
}
