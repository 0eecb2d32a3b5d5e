import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenCore
