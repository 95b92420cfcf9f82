package dev.lifeboat.runbook;

import org.yaml.snakeyaml.nodes.Node;

/** A param as declared, with its place in the text so launch problems can point at it. */
record DeclaredParam(Param param, Node declaration) {
  String name() {
    return param.name();
  }

  int line() {
    return declaration.getStartMark().getLine() + 1;
  }

  int column() {
    return declaration.getStartMark().getColumn() + 1;
  }
}
