/** Tests of the documentation: its examples compile and behave as the pages say, its catalogues match the code. */
package dev.allframe.docs;
