/**
 * Commands: {@link dev.allframe.command.CommandHandler} methods, the aggregate state they fold
 * ({@link dev.allframe.command.Apply}, {@link dev.allframe.command.InitialState}), the
 * {@link dev.allframe.command.CommandBus} that dispatches them, and the exceptions a dispatch raises.
 */
package dev.allframe.command;
