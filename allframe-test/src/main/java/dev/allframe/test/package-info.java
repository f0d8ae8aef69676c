/**
 * AllFrame's test kit: {@link dev.allframe.test.AllFrameTest} boots the application's own beans with AllFrame's
 * extension, validation and configuration, on an empty store for each test, and {@link dev.allframe.test.AllFrameFixture}
 * states what a test gives, does and expects: events on streams, a command, the events it stored or why it was
 * refused, the read models once the projections caught up, the outcome of a saga.
 */
package dev.allframe.test;
