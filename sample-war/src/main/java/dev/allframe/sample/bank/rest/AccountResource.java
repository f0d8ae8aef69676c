package dev.allframe.sample.bank.rest;

import static java.util.Objects.requireNonNull;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.query.QueryBus;
import dev.allframe.sample.bank.AccountView;
import dev.allframe.sample.bank.AccountViews;
import dev.allframe.sample.bank.Deposit;
import dev.allframe.sample.bank.GetAccount;
import dev.allframe.sample.bank.ListAccounts;
import dev.allframe.sample.bank.OpenAccount;
import dev.allframe.sample.bank.UnknownAccountException;
import dev.allframe.sample.bank.Withdraw;
import jakarta.enterprise.context.Dependent;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Accounts over HTTP. Commands go to the {@link CommandBus}; every answer is read back through the
 * {@link QueryBus}, after waiting for the {@link AccountViews} projection to have seen the command's
 * events, so a client reads its own writes. Invalid commands, rejections and unknown accounts become JSON
 * errors in the exception mappers of this package.
 */
@Path("accounts")
@Dependent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final CommandBus commands;
    private final QueryBus queries;
    private final ReadYourWrites views;

    /** For the server's proxies only, as {@link TransferResource#TransferResource()} says. */
    public AccountResource() {
        this.commands = null;
        this.queries = null;
        this.views = null;
    }

    @Inject
    public AccountResource(CommandBus commands, QueryBus queries, ReadYourWrites views) {
        this.commands = requireNonNull(commands, "commands");
        this.queries = requireNonNull(queries, "queries");
        this.views = requireNonNull(views, "views");
    }

    @POST
    public Response open(OpenAccountRequest body, @Context UriInfo uri) {
        OpenAccountRequest request = Objects.requireNonNullElse(body, new OpenAccountRequest(null, null));
        seen(commands.dispatch(new OpenAccount(request.id(), request.owner())));
        return Response.created(uri.getAbsolutePathBuilder().path(request.id()).build())
                .entity(account(request.id()))
                .build();
    }

    @GET
    public List<AccountView> list() {
        return queries.query(new ListAccounts());
    }

    @GET
    @Path("{id}")
    public AccountView get(@PathParam("id") String id) {
        return account(id);
    }

    @POST
    @Path("{id}/deposits")
    public AccountView deposit(@PathParam("id") String id, AmountRequest body) {
        seen(commands.dispatch(new Deposit(id, amountOf(body))));
        return account(id);
    }

    @POST
    @Path("{id}/withdrawals")
    public AccountView withdraw(@PathParam("id") String id, AmountRequest body) {
        seen(commands.dispatch(new Withdraw(id, amountOf(body))));
        return account(id);
    }

    /** Waits until the views include the command's events. */
    private void seen(CommandResult result) {
        views.await(result.lastPosition());
    }

    private AccountView account(String id) {
        return queries.query(new GetAccount(id)).orElseThrow(() -> new UnknownAccountException(id));
    }

    private static BigDecimal amountOf(AmountRequest body) {
        return body == null ? null : body.amount();
    }
}
