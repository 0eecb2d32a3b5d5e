import TevredenCLI

@main
enum Entrypoint {
  static func main() { TevredenCommand.main() }
}
