/** Internal: how the test kit boots, configures and watches a test's container. Not an API. */
package dev.allframe.test.internal;
