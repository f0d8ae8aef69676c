/**
 * Internal: AllFrame's integration with Open Liberty, packaged in the user feature {@code usr:allframe-1.0}.
 * Nothing here is exported to applications.
 */
package dev.allframe.liberty;
