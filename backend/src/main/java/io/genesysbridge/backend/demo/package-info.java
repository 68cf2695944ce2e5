/**
 * Demo profile only: publishes sample customer messages so the main job visibly flows.
 */
@NullMarked
package io.genesysbridge.backend.demo;

import org.jspecify.annotations.NullMarked;
